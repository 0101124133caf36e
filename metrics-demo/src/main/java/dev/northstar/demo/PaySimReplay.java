package dev.northstar.demo;

import dev.northstar.payments.Channel;
import dev.northstar.payments.FundingSource;
import dev.northstar.payments.MerchantCategory;
import dev.northstar.payments.PaymentEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Replays the PaySim mobile-money log: {@code step} is the hour after {@code startMillis};
 * {@code type} maps to the flow — PAYMENT is a QR payment to the merchant {@code nameDest},
 * DEBIT an online payment funded by debit card, TRANSFER and CASH_OUT are person-to-person
 * transfers (to a person, or to a cash-out agent), CASH_IN is a wallet top-up; {@code isFraud}
 * reports the transaction as fraud with its amount as loss. Amounts have two decimals and become
 * minor units; every transaction is in one region, {@code paysim}.
 */
final class PaySimReplay {
    /** Why a row was skipped. */
    enum Dirty { UNPARSEABLE, NON_POSITIVE_AMOUNT, UNKNOWN_TYPE }

    static final String REGION = "paysim";

    record Summary(long rows, long events, Map<Dirty, Long> dirty, long firstMillis, long lastMillis) {
    }

    private PaySimReplay() {
    }

    static Summary replay(InputStream csv, long startMillis, PaymentEvents sink, AtomicLong progress)
            throws IOException {
        Map<Dirty, Long> dirty = new EnumMap<>(Dirty.class);
        for (Dirty d : Dirty.values()) {
            dirty.put(d, 0L);
        }
        Set<String> payers = new HashSet<>();
        long rows = 0;
        long events = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
            for (CSVRecord r : format.parse(reader)) {
                rows++;
                progress.incrementAndGet();
                long step;
                long amount;
                boolean fraud;
                if (r.size() != 11 || !r.isConsistent()) {
                    dirty.merge(Dirty.UNPARSEABLE, 1L, Long::sum);
                    continue;
                }
                try {
                    step = Long.parseLong(r.get("step").trim());
                    amount = new BigDecimal(r.get("amount").trim()).movePointRight(2)
                            .setScale(0, RoundingMode.HALF_UP).longValueExact();
                    fraud = "1".equals(r.get("isFraud").trim());
                } catch (NumberFormatException | ArithmeticException e) {
                    dirty.merge(Dirty.UNPARSEABLE, 1L, Long::sum);
                    continue;
                }
                if (amount <= 0) {
                    dirty.merge(Dirty.NON_POSITIVE_AMOUNT, 1L, Long::sum);
                    continue;
                }
                long at = startMillis + (step - 1) * 3_600_000L + (rows % 3_600) * 1_000L;
                String payer = r.get("nameOrig").trim();
                Channel channel;
                switch (r.get("type").trim()) {
                    case "PAYMENT" -> {
                        channel = Channel.QR_SCAN;
                        sink.payment(at, payer.hashCode(), r.get("nameDest").trim().hashCode(), REGION, null, channel,
                                FundingSource.WALLET_BALANCE, MerchantCategory.OTHER, false, payers.add(payer), null,
                                amount, -1);
                    }
                    case "DEBIT" -> {
                        channel = Channel.ONLINE_CHECKOUT;
                        sink.payment(at, payer.hashCode(), r.get("nameDest").trim().hashCode(), REGION, null, channel,
                                FundingSource.DEBIT_CARD, MerchantCategory.OTHER, false, payers.add(payer), null,
                                amount, -1);
                    }
                    case "TRANSFER", "CASH_OUT" -> {
                        channel = Channel.P2P_TRANSFER;
                        sink.p2pTransfer(at, REGION, amount);
                    }
                    case "CASH_IN" -> {
                        channel = Channel.IN_APP;
                        sink.topUp(at, REGION, null, FundingSource.WALLET_BALANCE, amount);
                    }
                    default -> {
                        dirty.merge(Dirty.UNKNOWN_TYPE, 1L, Long::sum);
                        continue;
                    }
                }
                events++;
                if (fraud) {
                    sink.fraudReported(at, REGION, channel, amount);
                    events++;
                }
                first = Math.min(first, at);
                last = Math.max(last, at);
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new UserError("cannot read the PaySim log after " + rows + " rows: " + e.getMessage());
        }
        return new Summary(rows, events, dirty, first, last);
    }
}
