package org.opencdp.behaviour.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.behaviour.domain.CustomerAttributes;
import org.opencdp.behaviour.domain.order.Cart;
import org.opencdp.behaviour.domain.order.StoredOrder;
import org.opencdp.behaviour.repository.CartRepository;
import org.opencdp.behaviour.repository.CustomerAttributesRepository;
import org.opencdp.behaviour.repository.KpiRepository;
import org.opencdp.behaviour.repository.OrderRepository;
import org.opencdp.behaviour.repository.SegmentRepository;
import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.SubjectCategory;
import org.opencdp.subjectrights.SubjectDataHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

/** behaviour-service's part of the subject-rights contract. Each data category it holds is declared here. */
@ApplicationScoped
public class BehaviourSubjectData implements SubjectDataHandler {

    static final String CUSTOMER_ATTRIBUTES = "customer-attributes";
    static final String ORDERS = "orders";
    static final String KPIS = "purchase-kpis";
    static final String CARTS = "carts";
    static final String SEGMENTS = "segment-memberships";
    static final String ORDER_RETENTION_LAW =
            "HGB §257, AO §147 (booking vouchers and commercial letters); per-deployment policy, review with legal"
                    + " counsel";

    @Inject
    CustomerAttributesRepository attributes;

    @Inject
    OrderRepository orders;

    @Inject
    KpiRepository kpis;

    @Inject
    CartRepository carts;

    @Inject
    SegmentRepository segments;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * Whether an erasure keeps the customer's orders until their statutory retention ends. On by default, because
     * an order may be the booking voucher a shop must keep; off where the accounting system holds that record.
     * Review with legal counsel.
     */
    @ConfigProperty(name = "opencdp.behaviour.orders.keep-on-erasure")
    boolean keepOrdersOnErasure;

    /** Years the orders are kept after the end of their calendar year (8: invoices, HGB §257 / AO §147). */
    @ConfigProperty(name = "opencdp.behaviour.orders.retention-years")
    int orderRetentionYears;

    @Override
    public List<DataCategory> categories() {
        return List.of(
                new DataCategory(
                        CUSTOMER_ATTRIBUTES,
                        "Age band, country, postcode region, language and B2B bands, copied from profile-service for"
                                + " segments",
                        "GDPR Art. 6(1)(f) legitimate interest in customer segmentation",
                        "while the customer exists in profile-service",
                        List.of("customer-analysis"),
                        List.of(SubjectCategory.CUSTOMERS, SubjectCategory.CONTACT_PERSONS),
                        RetentionCategories.INACTIVE_CUSTOMER_PROFILE),
                new DataCategory(
                        ORDERS,
                        "Orders imported from the shops: lines, totals, discounts, channel, payment method type,"
                                + " returns and cancellations",
                        "GDPR Art. 6(1)(b) performance of the contract; Art. 6(1)(c) statutory retention",
                        keepOrdersOnErasure
                                ? "after an erasure, restricted until the end of the calendar year "
                                        + orderRetentionYears + " years after the order's year (" + ORDER_RETENTION_LAW
                                        + ")"
                                : "until the customer's data is erased",
                        List.of("order-processing"),
                        List.of(SubjectCategory.CUSTOMERS),
                        RetentionCategories.BOOKING_VOUCHERS),
                new DataCategory(
                        KPIS,
                        "KPIs computed from the orders: revenue per month, order count, cadence, RFM scores and"
                                + " segment, historical and predicted CLV",
                        "GDPR Art. 6(1)(f) legitimate interest in customer analysis",
                        "replaced at every recompute; deleted on erasure or restriction",
                        List.of("customer-analysis"),
                        List.of(SubjectCategory.CUSTOMERS),
                        RetentionCategories.INACTIVE_CUSTOMER_PROFILE),
                new DataCategory(
                        CARTS,
                        "The shops' current carts of the customer: lines and value",
                        "GDPR Art. 6(1)(b) performance of the contract (the shop's cart)",
                        "until ordered or emptied, at most 30 days unchanged (opencdp.behaviour.carts.keep-for)",
                        List.of("order-processing"),
                        List.of(SubjectCategory.CUSTOMERS),
                        RetentionCategories.ABANDONED_CARTS),
                new DataCategory(
                        SEGMENTS,
                        "The saved marketing segments the customer is a member of (by subject id only)",
                        "GDPR Art. 6(1)(f) legitimate interest in customer segmentation",
                        "replaced at every refresh; deleted on erasure or restriction",
                        List.of("customer-analysis"),
                        List.of(SubjectCategory.CUSTOMERS, SubjectCategory.CONTACT_PERSONS),
                        RetentionCategories.INACTIVE_CUSTOMER_PROFILE));
    }

    @Override
    public List<CategoryExport> export(UUID subjectId) {
        List<CustomerAttributes> records =
                attributes.find(subjectId).map(List::of).orElseGet(List::of);
        List<StoredOrder> ordersOfSubject = orders.allOfSubject(subjectId);
        List<Cart> cartsOfSubject = carts.ofSubject(subjectId);
        List<String> memberships = segments.segmentsOf(subjectId);
        return List.of(
                new CategoryExport(CUSTOMER_ATTRIBUTES, records.size(), json.valueToTree(records)),
                new CategoryExport(ORDERS, ordersOfSubject.size(), json.valueToTree(ordersOfSubject)),
                kpis.find(subjectId)
                        .map(k -> new CategoryExport(KPIS, 1, json.valueToTree(List.of(k))))
                        .orElseGet(() -> new CategoryExport(KPIS, 0, json.valueToTree(List.of()))),
                new CategoryExport(CARTS, cartsOfSubject.size(), json.valueToTree(cartsOfSubject)),
                new CategoryExport(SEGMENTS, memberships.size(), json.valueToTree(memberships)));
    }

    @Override
    public List<CategoryOutcome> erase(UUID subjectId) {
        return List.of(
                CategoryOutcome.erased(CUSTOMER_ATTRIBUTES, attributes.delete(subjectId) ? 1 : 0),
                eraseOrders(subjectId),
                CategoryOutcome.erased(KPIS, kpis.delete(subjectId) > 0 ? 1 : 0),
                CategoryOutcome.erased(CARTS, carts.deleteOfSubject(subjectId)),
                CategoryOutcome.erased(SEGMENTS, segments.removeMember(subjectId)));
    }

    /** A restricted customer's data may not be used: derived data goes now, and recomputes leave them out. */
    @Override
    public void restricted(UUID subjectId) {
        kpis.delete(subjectId);
        segments.removeMember(subjectId);
    }

    private CategoryOutcome eraseOrders(UUID subjectId) {
        if (!keepOrdersOnErasure) {
            return CategoryOutcome.erased(ORDERS, orders.deleteOfSubject(subjectId));
        }
        OrderRepository.Retention retention =
                orders.retain(subjectId, orderRetentionYears, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return retention.kept() == 0
                ? CategoryOutcome.erased(ORDERS, retention.deleted())
                : CategoryOutcome.keptUnderLegalHold(
                        ORDERS, retention.deleted(), retention.kept(), retention.keptUntil(), ORDER_RETENTION_LAW);
    }
}
