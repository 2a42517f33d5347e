package org.stockroom.resilience;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the outermost boundary of a unit of database work (a REST resource): it is run
 * under the bulkhead and the circuit breaker, and re-run from the start on a transient
 * database failure. See {@link ResilienceInterceptor}.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Resilient {
}
