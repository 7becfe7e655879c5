package org.minedecl.shared.declaration;

/** What an attached file is. */
public enum AttachmentKind {
    MINING_LICENCE, SAFETY_LICENCE, BUSINESS_LICENCE, FUND_DEPOSIT_SLIP, RESTORATION_PLAN,
    ACCEPTANCE_CERTIFICATE, PHOTO, OTHER
}
