package org.opencdp.retention.service;

import java.util.UUID;

/** A request's tasks were stored (at its verification): the worker may start on them once they are committed. */
record TasksStored(UUID requestId) {}
