package org.opencdp.problem;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns Jackson's exceptions into field errors without echoing the submitted value: a value may be personal data,
 * and the caller knows what it sent.
 */
final class JsonErrors {

    private JsonErrors() {}

    static String syntaxDetail(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "The request body is not valid JSON" + where + ".";
    }

    static List<Problem.FieldError> fieldErrors(JsonMappingException e) {
        return List.of(new Problem.FieldError(path(e), message(e)));
    }

    static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null
                        ? "." + ref.getFieldName()
                        : ref.getIndex() >= 0 ? "[" + ref.getIndex() + "]" : "")
                .collect(Collectors.joining());
        if (e instanceof InvalidTypeIdException typeId && typeId.getBaseType() != null) {
            // The type property itself is at fault, not the object that carries it.
            path = path + "." + typePropertyOf(typeId);
        }
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? "$" : path;
    }

    /** The name of the property that selects the subtype, "type" unless the base type says otherwise. */
    private static String typePropertyOf(InvalidTypeIdException e) {
        JsonTypeInfo info = e.getBaseType().getRawClass().getAnnotation(JsonTypeInfo.class);
        return info != null && !info.property().isEmpty() ? info.property() : "type";
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field; it cannot be set through this API";
        }
        if (e instanceof InvalidTypeIdException typeId) {
            JsonSubTypes subtypes = typeId.getBaseType() == null
                    ? null
                    : typeId.getBaseType().getRawClass().getAnnotation(JsonSubTypes.class);
            if (subtypes == null || subtypes.value().length == 0) {
                return "missing or unknown type";
            }
            return "must be one of "
                    + java.util.Arrays.stream(subtypes.value())
                            .map(JsonSubTypes.Type::name)
                            .collect(Collectors.joining(", ", "[", "]"));
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            if (invalid.getTargetType().isEnum()) {
                return "must be one of "
                        + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
            }
            return "must be a valid " + friendlyTypeName(invalid.getTargetType());
        }
        if (e instanceof ValueInstantiationException instantiation
                && instantiation.getCause() != null
                && instantiation.getCause().getMessage() != null) {
            // Value objects validate in their constructor with messages written for the caller.
            return instantiation.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + article(friendlyTypeName(mismatched.getTargetType()));
        }
        return "invalid value";
    }

    private static String friendlyTypeName(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "timestamp (RFC 3339, e.g. 2026-01-31T12:00:00Z)";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "object";
        }
        return "value";
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }
}
