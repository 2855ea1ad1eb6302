package org.opencdp.tracking.domain;

import java.util.Optional;

/** The kinds of web event the tracker protocol knows (tracking-service/README.md, "Events"). */
public enum EventType {
    PAGE_VIEW("page_view"),
    PAGE_LEAVE("page_leave"),
    CLICK("click"),
    CUSTOM("custom");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<EventType> ofCode(String code) {
        for (EventType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
