package dev.tayori.campaign;

/** One mail of a sequence: number from 1, its subject, its template, and the line it is defined on. */
public record Step(int number, String subject, String template, int line) {
}
