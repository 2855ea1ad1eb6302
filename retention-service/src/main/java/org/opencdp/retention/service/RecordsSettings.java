package org.opencdp.retention.service;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * What the record of processing cannot learn from the running system: who the controller and its data protection
 * officer are, the processors that receive data and the transfers to third countries ({@code opencdp.records.*}).
 */
@ConfigMapping(prefix = "opencdp.records")
public interface RecordsSettings {

    Party controller();

    Party dpo();

    /** The processors (Art. 28) by a short id, e.g. telephony, ticket, mail. */
    Map<String, Processor> processors();

    /** Transfers to third countries by a short id. */
    Map<String, Transfer> transfers();

    interface Party {
        String name();

        String address();

        String contact();
    }

    interface Processor {
        String name();

        /** What it does for the controller. */
        String service();

        /** ISO 3166 country code of where it processes. */
        String country();

        /** The purposes whose data it receives. */
        List<String> purposes();
    }

    interface Transfer {
        String recipient();

        String country();

        /** The Art. 45/46 instrument, e.g. an adequacy decision or standard contractual clauses. */
        String safeguard();

        List<String> purposes();
    }
}
