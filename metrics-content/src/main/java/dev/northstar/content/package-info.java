/**
 * Success metrics of a content / official-accounts platform: the content vocabulary (account
 * types, categories, traffic sources, follow sources, ad formats, report reasons), a recorder
 * with one method per business event ({@link dev.northstar.content.ContentEvents},
 * {@link dev.northstar.content.ContentRecorder}), the catalog of metric definitions with the
 * weekly engaged reads North Star candidate ({@link dev.northstar.content.ContentCatalog}), the
 * unfollow rate over the previous period's follower base ({@link dev.northstar.content.UnfollowRate})
 * and a seeded traffic simulator with injectable incidents
 * ({@link dev.northstar.content.ContentSimulator}). Built on {@code metrics-core}.
 */
package dev.northstar.content;
