package dev.northstar.metrics.report;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger that keeps what it is given, for assertions; optionally throws on every call. */
final class RecordingLogger extends AbstractLogger {
    record Line(Level level, String message, Throwable thrown) {
    }

    final List<Line> lines = new CopyOnWriteArrayList<>();
    volatile boolean broken;

    RecordingLogger() {
        this.name = "recording";
    }

    List<Line> at(Level level) {
        return lines.stream().filter(l -> l.level() == level).toList();
    }

    @Override protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override protected void handleNormalizedLoggingCall(Level level, Marker marker, String msg, Object[] args,
                                                         Throwable t) {
        if (broken) {
            throw new IllegalStateException("the appender is down");
        }
        lines.add(new Line(level, MessageFormatter.basicArrayFormat(msg, args), t));
    }

    @Override public boolean isTraceEnabled() {
        return true;
    }

    @Override public boolean isTraceEnabled(Marker marker) {
        return true;
    }

    @Override public boolean isDebugEnabled() {
        return true;
    }

    @Override public boolean isDebugEnabled(Marker marker) {
        return true;
    }

    @Override public boolean isInfoEnabled() {
        return true;
    }

    @Override public boolean isInfoEnabled(Marker marker) {
        return true;
    }

    @Override public boolean isWarnEnabled() {
        return true;
    }

    @Override public boolean isWarnEnabled(Marker marker) {
        return true;
    }

    @Override public boolean isErrorEnabled() {
        return true;
    }

    @Override public boolean isErrorEnabled(Marker marker) {
        return true;
    }
}
