package org.opencdp.testsupport.architecture.example.api;

import org.opencdp.testsupport.architecture.example.domain.ExampleEntity;

/** Breaks entitiesStayBehindTheService. */
public record ViewOfAnEntity(String value) {

    static ViewOfAnEntity of(ExampleEntity entity) {
        return new ViewOfAnEntity(entity.value);
    }
}
