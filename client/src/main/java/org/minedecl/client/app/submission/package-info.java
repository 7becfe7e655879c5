/**
 * Uploading signed packages: {@link org.minedecl.client.app.submission.SubmissionService} with its
 * {@link org.minedecl.client.app.submission.SubmissionResult} (accepted, refused with findings, unavailable,
 * cancelled), and the {@link org.minedecl.client.app.submission.Outbox} of packages waiting for the server.
 */
package org.minedecl.client.app.submission;
