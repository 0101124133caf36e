package dev.northstar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's quick start, run as a program: it must keep compiling and answering. */
class QuickStartTest {

    @Test
    void recordsTwoWeeksAndComparesTheLastWeekWithTheOneBefore() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Recorded 200,000 payment attempts").contains("success_rate  region=east");
        // the example makes region east fail more in the last week: its rate must show it
        assertThat(out).containsPattern("success_rate\\s+2026-W46\\s+0\\.95");
    }
}
