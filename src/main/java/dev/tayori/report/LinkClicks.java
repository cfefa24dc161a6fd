package dev.tayori.report;

/** One link of a mailing: readers (mails) who clicked it, and clicks in all. */
public record LinkClicks(String url, int uniques, int total) {
}
