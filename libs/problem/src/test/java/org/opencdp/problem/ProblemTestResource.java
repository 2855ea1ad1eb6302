package org.opencdp.problem;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.vertx.ext.web.RoutingContext;

/** Endpoints that fail on purpose, one per kind of failure the mappers handle. */
@Path("/problem-test")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProblemTestResource {

    public record Email_(
            @NotBlank @jakarta.validation.constraints.Email String address) {}

    public record Person(
            @NotBlank String name,
            LocalDate birthDate,
            @NotNull @Valid List<Email_> emails,
            List<@Email String> aliases) {}

    @POST
    @Path("/people")
    public Person create(@Valid Person person) {
        return person;
    }

    @com.fasterxml.jackson.annotation.JsonTypeInfo(
            use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
            property = "kind")
    @com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Cat.class, name = "CAT"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Dog.class, name = "DOG")
    })
    public sealed interface Pet permits Cat, Dog {}

    public record Cat(String name) implements Pet {}

    public record Dog(String name) implements Pet {}

    public record Owner(String name, List<Pet> pets) {}

    @POST
    @Path("/owners")
    public Owner owner(Owner owner) {
        return owner;
    }

    /** Says whether the body was read in full before the endpoint ran (on the event loop, HttpLimits). */
    @POST
    @Path("/{where: read-first|streamed}/people")
    @Produces(MediaType.TEXT_PLAIN)
    public String bodyRead(String person, RoutingContext context) {
        return (context.body().available() ? "read first: " : "streamed: ") + person.length();
    }

    @GET
    @Path("/page")
    public String page(@QueryParam("size") @Max(100) int size) {
        return "{}";
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw ProblemException.conflict("The customer was changed by someone else.");
    }

    @GET
    @Path("/crash")
    public String crash() {
        throw new IllegalStateException("duplicate key value violates unique constraint: (email)=(jane@example.org)");
    }
}
