package dev.tayori.tracking;

/** Clicks in all: unique (mails, hence readers, with at least one) and total. */
public record ClickCount(int uniques, int total) {
}
