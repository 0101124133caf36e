/**
 * Success metrics of a mobile payment platform (WeChat Pay / Alipay style): the payments
 * vocabulary, a recorder with one method per business event, the catalog of metric definitions,
 * the default metric tree and a seeded traffic simulator. Built on {@code metrics-core}.
 */
package dev.northstar.payments;
