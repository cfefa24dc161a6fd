package dev.tayori.config;

/**
 * What tayori measures about readers. Click counts are off unless the operator turns them on
 * (tracking.clicks), since counting them is something readers must be told about (README, "Click
 * counts"). Opens are never counted: Apple Mail's privacy protection loads every image for the
 * reader, so an "open" says nothing.
 */
public record TrackingSettings(boolean clicks) {
    public static final TrackingSettings OFF = new TrackingSettings(false);
}
