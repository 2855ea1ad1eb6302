package org.opencdp.subjectrights.testkit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionBatches;
import org.opencdp.subjectrights.RetentionCategory;

/** The test application's retention category: notes expire by the time they were written. */
@ApplicationScoped
public class NotesRetention implements RetentionCategory {

    static final String NAME = "notes";

    @Inject
    RetentionBatches batches;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return batches.count("SELECT count(*) FROM note WHERE written_at < ?", cutoff.before());
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        return batches.deleteInBatches(
                "DELETE FROM note WHERE id IN (SELECT id FROM note WHERE written_at < ? LIMIT ?)", cutoff.before());
    }
}
