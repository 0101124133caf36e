package dev.northstar.demo;

import dev.northstar.payments.Channel;
import dev.northstar.payments.MerchantCategory;
import dev.northstar.payments.PaymentEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Replays the UCI Online Retail log through the payments events: one invoice is one successful
 * payment (its amount the sum of quantity × unit price over its lines, in pence), an invoice
 * number starting with {@code C} is a refund, the customer is the payer, the country the region,
 * the retailer the one merchant, and times are UK local time.
 *
 * <p>Dirty rows are counted by reason and skipped, never fatal; each row counts under the first
 * reason that applies, in this order: unparseable, no customer, zero or negative price, negative
 * quantity on a sale (stock adjustments).
 */
final class RetailReplay {
    /** Why a row was skipped. */
    enum Dirty { UNPARSEABLE, NO_CUSTOMER, NON_POSITIVE_PRICE, NEGATIVE_QUANTITY_ON_SALE }

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final long RETAILER = 1;

    /** What a replay read. */
    record Summary(long rows, long payments, long refunds, Map<Dirty, Long> dirty, long firstMillis, long lastMillis) {
    }

    private static final class Invoice {
        final long atMillis;
        final long customer;
        final String country;
        final boolean refund;
        BigDecimal amount = BigDecimal.ZERO;

        Invoice(long atMillis, long customer, String country, boolean refund) {
            this.atMillis = atMillis;
            this.customer = customer;
            this.country = country;
            this.refund = refund;
        }
    }

    private RetailReplay() {
    }

    static Summary replay(InputStream csv, PaymentEvents sink, AtomicLong progress) throws IOException {
        Map<Dirty, Long> dirty = new EnumMap<>(Dirty.class);
        for (Dirty d : Dirty.values()) {
            dirty.put(d, 0L);
        }
        Map<String, Invoice> invoices = new LinkedHashMap<>();
        long rows = 0;
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
            for (CSVRecord r : format.parse(reader)) {
                rows++;
                progress.incrementAndGet();
                Dirty why = read(r, invoices);
                if (why != null) {
                    dirty.merge(why, 1L, Long::sum);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new UserError("cannot read the retail log after " + rows + " rows: " + e.getMessage());
        }
        long payments = 0;
        long refunds = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Set<Long> payers = new HashSet<>();
        for (Invoice inv : invoices.values()) {
            long pence = inv.amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
            if (pence <= 0) {
                continue;
            }
            first = Math.min(first, inv.atMillis);
            last = Math.max(last, inv.atMillis);
            if (inv.refund) {
                sink.refund(inv.atMillis, inv.country, Channel.ONLINE_CHECKOUT, MerchantCategory.RETAIL, pence);
                refunds++;
            } else {
                sink.payment(inv.atMillis, inv.customer, RETAILER, inv.country, null, Channel.ONLINE_CHECKOUT, null,
                        MerchantCategory.RETAIL, !"United Kingdom".equals(inv.country), payers.add(inv.customer),
                        null, pence, -1);
                payments++;
            }
        }
        return new Summary(rows, payments, refunds, dirty, first, last);
    }

    private static Dirty read(CSVRecord r, Map<String, Invoice> invoices) {
        if (r.size() != 8 || !r.isConsistent()) {
            return Dirty.UNPARSEABLE;
        }
        String number = r.get("InvoiceNo").trim();
        long at;
        long quantity;
        BigDecimal price;
        try {
            at = LocalDateTime.parse(r.get("InvoiceDate").trim(), TIME).atZone(LONDON).toInstant().toEpochMilli();
            quantity = Long.parseLong(r.get("Quantity").trim());
            price = new BigDecimal(r.get("UnitPrice").trim());
        } catch (DateTimeParseException | NumberFormatException e) {
            return Dirty.UNPARSEABLE;
        }
        if (number.isEmpty()) {
            return Dirty.UNPARSEABLE;
        }
        String customer = r.get("CustomerID").trim();
        if (customer.isEmpty()) {
            return Dirty.NO_CUSTOMER;
        }
        long customerId;
        try {
            customerId = new BigDecimal(customer).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return Dirty.UNPARSEABLE;
        }
        if (price.signum() <= 0) {
            return Dirty.NON_POSITIVE_PRICE;
        }
        boolean refund = number.startsWith("C");
        if (!refund && quantity < 0) {
            return Dirty.NEGATIVE_QUANTITY_ON_SALE;
        }
        Invoice inv = invoices.computeIfAbsent(number,
                k -> new Invoice(at, customerId, r.get("Country").trim(), refund));
        inv.amount = inv.amount.add(price.multiply(BigDecimal.valueOf(Math.abs(quantity))));
        return null;
    }
}
