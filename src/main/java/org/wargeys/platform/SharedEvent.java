package org.wargeys.platform;

/**
 * Marks an event that every node of the site must hear: {@link ClusterEvents} forwards each event
 * that implements it to the other nodes, where the same listeners run. Such an event is a record of
 * plain values (it travels as JSON in a PostgreSQL notification of at most 8,000 bytes). A new event
 * type only has to implement this interface; nothing else lists it.
 */
public interface SharedEvent {}
