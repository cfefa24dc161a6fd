package dev.tayori.tracking;

/** One link's clicks in a campaign's mail: unique (readers) and total. */
public record LinkClicks(String url, int uniques, int total) {
}
