package dev.northstar.content;

/** Why a reader reported (complained about) an article or account. */
public enum ReportReason {
    /** Spam, bulk marketing, bots. */
    SPAM,
    /** A misleading title or cover: clickbait. */
    MISLEADING,
    /** Sexual, violent or otherwise inappropriate content. */
    INAPPROPRIATE,
    /** Copyright or trademark infringement. */
    INFRINGEMENT,
    /** Fraud or scams. */
    FRAUD,
    /** Any other reason. */
    OTHER
}
