/** Why a refresh-token family ended early. */
export type SessionRevokedReason = 'logout' | 'reuse_detected' | 'account_disabled';
