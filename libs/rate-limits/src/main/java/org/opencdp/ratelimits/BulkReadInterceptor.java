package org.opencdp.ratelimits;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.opencdp.caller.Caller;

import io.quarkus.arc.ArcInvocationContext;

/**
 * Applies {@link BulkRead}. It runs as an application interceptor, after the endpoint's role rule has admitted the
 * caller (Quarkus checks roles before the method is invoked), so refused and anonymous calls use up nothing.
 */
@BulkRead("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class BulkReadInterceptor {

    @Inject
    BulkReadGuard guard;

    @Inject
    Caller caller;

    @AroundInvoke
    Object admit(InvocationContext context) throws Exception {
        BulkRead binding = ArcInvocationContext.findIterceptorBinding(context, BulkRead.class);
        guard.admit(binding.value(), caller);
        return context.proceed();
    }
}
