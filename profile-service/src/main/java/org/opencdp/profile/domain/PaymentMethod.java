package org.opencdp.profile.domain;

/** The preferred payment method: its type and, where it has one, a masked reference ("**** **** **** 4242"). */
public record PaymentMethod(PaymentMethodType type, String maskedReference) {}
