package org.opencdp.consent.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.SubjectDataHandler;

/**
 * consent-service's part of the subject-rights contract. It holds no data on subjects yet: each data category
 * it comes to hold is declared, exported and erased here.
 */
@ApplicationScoped
public class ConsentSubjectData implements SubjectDataHandler {

    @Override
    public List<DataCategory> categories() {
        return List.of();
    }

    @Override
    public List<CategoryExport> export(UUID subjectId) {
        return List.of();
    }

    @Override
    public List<CategoryOutcome> erase(UUID subjectId) {
        return List.of();
    }
}
