package dev.tayori.subscriber;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * What other features do when a subscriber changes, called inside the same transaction so that a
 * confirmation and its enrollment, or a request and its confirmation mail, commit together.
 */
public interface SubscriberEvents {
    void confirmationRequested(Handle handle, Subscriber subscriber, Confirmation confirmation);

    void confirmed(Handle handle, Subscriber subscriber, Instant at);

    void unsubscribed(Handle handle, Subscriber subscriber, Instant at);

    SubscriberEvents NONE = new SubscriberEvents() {
        @Override
        public void confirmationRequested(Handle handle, Subscriber subscriber, Confirmation confirmation) {
        }

        @Override
        public void confirmed(Handle handle, Subscriber subscriber, Instant at) {
        }

        @Override
        public void unsubscribed(Handle handle, Subscriber subscriber, Instant at) {
        }
    };
}
