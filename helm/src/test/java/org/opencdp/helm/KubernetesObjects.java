package org.opencdp.helm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Rendered manifests read into fabric8's Kubernetes model, as the API server would: a field of the wrong type fails
 * the parse, and a field Kubernetes does not know (a typo, a wrong indentation) is reported by {@link #unknownFields}.
 * Kinds of custom resources (cert-manager, the Prometheus Operator) stay generic.
 */
final class KubernetesObjects {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KubernetesObjects() {}

    static List<HasMetadata> typed(List<JsonNode> documents) {
        return documents.stream()
                .map(d -> (HasMetadata) SERIALIZATION.unmarshal(d.toString(), KubernetesResource.class))
                .toList();
    }

    static boolean isCustomResource(HasMetadata object) {
        return object instanceof GenericKubernetesResource;
    }

    /** The paths of fields the model does not know, e.g. "Deployment/profile-service: spec.template.spec.foo". */
    static List<String> unknownFields(HasMetadata object) {
        List<String> found = new ArrayList<>();
        collect(object, object.getKind() + "/" + object.getMetadata().getName() + ":", found);
        return found;
    }

    private static void collect(Object value, String path, List<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collect(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collect(item, path + "[" + key + "]", found));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + " " + extra.keySet());
                }
            } else {
                collect(field, path + "." + getter.getName().substring(3), found);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter.toString(), e);
        }
    }
}
