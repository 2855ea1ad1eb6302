package org.opencdp.retention.service;

import java.time.LocalDate;

import org.opencdp.problem.ProblemException;
import org.opencdp.retention.domain.Extension;
import org.opencdp.retention.domain.SubjectRequest;

/**
 * GDPR Art. 12(3): a request is answered within one month of receipt; the period may be extended by up to two
 * further months where necessary, and the person must be told, with the reasons, within the first month.
 */
final class DueDates {

    static final int MAX_EXTENSION_MONTHS = 2;

    private DueDates() {}

    /** The new due date, or a 422 problem naming the rule the extension breaks. */
    static LocalDate extended(SubjectRequest request, int months, Extension extension) {
        if (!request.state().isOpen()) {
            throw ProblemException.conflict("The request is " + request.state() + "; only an open one is extended.");
        }
        if (request.extension() != null) {
            throw ProblemException.unprocessable(
                    "The due date was extended already; Art. 12(3) allows one " + "extension of at most two months.");
        }
        if (months < 1 || months > MAX_EXTENSION_MONTHS) {
            throw ProblemException.unprocessable("An extension is one or two months (Art. 12(3)).");
        }
        if (extension.reason() == null || extension.reason().isBlank()) {
            throw ProblemException.unprocessable("An extension needs a recorded reason (Art. 12(3)).");
        }
        LocalDate firstMonthEnds = SubjectRequest.dueOn(request.receivedOn());
        LocalDate notice = extension.noticeSentOn();
        if (notice == null) {
            throw ProblemException.unprocessable("An extension needs the date the person was told of it (Art. 12(3)).");
        }
        if (notice.isBefore(request.receivedOn()) || notice.isAfter(firstMonthEnds)) {
            throw ProblemException.unprocessable("The person must be told of an extension within the first month, "
                    + "between " + request.receivedOn() + " and " + firstMonthEnds + " (Art. 12(3)).");
        }
        return firstMonthEnds.plusMonths(months);
    }
}
