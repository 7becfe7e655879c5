/**
 * What the features' storage reports about the database itself: {@link org.minedecl.server.storage.StorageFailure}
 * (the one error handler answers it 503), and the pool's judgement of a closed H2 database. Depends on nothing of
 * the server but {@code util}, so that the error handler and every feature can use it without a cycle.
 */
package org.minedecl.server.storage;
