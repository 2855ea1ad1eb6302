package org.opencdp.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;

/** A service's customer endpoints in miniature: each reads or changes personal data and records it. */
@Path("/test/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerTestResource {

    public record Customer(String name, String email) {}

    @Inject
    DataSource dataSource;

    @Inject
    AuditTrail trail;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SALES, Roles.SERVICE, Roles.SVC_RETENTION})
    @Transactional
    public Customer read(@PathParam("id") UUID id) {
        Customer customer = find(id);
        trail.record(id, "customer.read", "GET /test/customers/{id}");
        return customer;
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SALES)
    @Transactional
    public Customer replace(@PathParam("id") UUID id, Customer customer) {
        store(id, customer);
        trail.record(id, "customer.update", "PUT /test/customers/{id}");
        return customer;
    }

    /** A change whose last step fails after the audit entry was written: the whole transaction rolls back. */
    @PUT
    @Path("/{id}/failing")
    @RolesAllowed(Roles.SALES)
    @Transactional
    public Customer replaceThenFail(@PathParam("id") UUID id, Customer customer) {
        store(id, customer);
        trail.record(id, "customer.update", "PUT /test/customers/{id}/failing");
        throw ProblemException.conflict("A later step of the change failed.");
    }

    @GET
    @RolesAllowed(Roles.SALES)
    @Transactional
    public List<UUID> list(@QueryParam("id") List<UUID> ids) {
        trail.recordAll(ids, "customer.search-hit", "GET /test/customers?id");
        return ids;
    }

    private Customer find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT name, email FROM test_customer WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("No such customer.");
                }
                return new Customer(rs.getString("name"), rs.getString("email"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void store(UUID id, Customer customer) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                INSERT INTO test_customer (id, name, email) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email""")) {
            s.setObject(1, id);
            s.setString(2, customer.name());
            s.setString(3, customer.email());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
