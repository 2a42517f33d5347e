package org.stockroom.client.model;

/** The four ways stock moves; see {@link NewMovement} for which locations each one names. */
public enum MovementType {
    RECEIVE, ISSUE, ADJUST, TRANSFER
}
