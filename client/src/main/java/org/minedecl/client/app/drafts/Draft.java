package org.minedecl.client.app.drafts;

/** One draft: its id in the store ({@code drafts/<id>.json}) and the document as typed. */
public record Draft(String id, DraftDocument document) {
}
