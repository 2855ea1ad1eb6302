package org.opencdp.personaldata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/** Fails the start of a service whose keys are missing or malformed, before it accepts any personal data. */
@ApplicationScoped
public class KeyConfigurationCheck {

    @Inject
    SubjectKeyVault vault;

    void onStart(@Observes StartupEvent event) {
        vault.keys();
    }
}
