package org.opencdp.subjectrights.testkit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** The test application's one write endpoint: a note for a subject, to show how a write for an erased one ends. */
@Path("/api/v1/notes/{subjectId}")
public class NotesResource {

    @Inject
    Notes notes;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed("sales")
    @Operation(operationId = "addNote")
    public void add(@PathParam("subjectId") UUID subjectId, String body) {
        notes.add(subjectId, "NOTE", body);
    }
}
