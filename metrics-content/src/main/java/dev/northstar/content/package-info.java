/**
 * Success metrics of a content / official-accounts platform: the content vocabulary, a
 * recorder with one method per business event, the catalog of metric definitions, the default
 * metric tree and a seeded traffic simulator. Built on {@code metrics-core}.
 */
package dev.northstar.content;
