#pragma once

#include "common/Error.h"

#include <functional>

namespace hearth {

// The one table that decides whether a failed request is tried again, and when. Pure: the caller
// supplies the attempt number and the randomness, so tests need no clock.
//
//   error                                  retried?        delay
//   Network, Timeout                        yes            backoff
//   HTTP 429, 503                           yes            Retry-After if given (capped), else backoff
//   HTTP 500, 502, 504                      yes            backoff
//   Parse (a cut-off or garbled page)       once           backoff
//   anything else (4xx, Auth, Security,     no             —
//   Storage, Config, Cancelled)
//
// backoff = min(cap, base * 2^(attempt-1)) with ±jitter, so clients that failed together do not
// come back together. After maxAttempts failures the request gives up with its last error.
class RetryPolicy {
public:
    struct Config {
        int maxAttempts = 5;             // failures before giving up (the first try included)
        int baseDelayMs = 500;
        int maxDelayMs = 30000;
        double jitter = 0.25;            // ± fraction of the delay
        int maxRetryAfterSeconds = 300;  // a longer Retry-After gives up instead of stalling the sync
        int maxParseAttempts = 2;
    };

    struct Decision {
        bool retry = false;
        int delayMs = 0;
    };

    RetryPolicy() = default;
    explicit RetryPolicy(Config config) : m_config(config) {}

    // attempt = how many times the request has failed so far (1 after the first failure).
    // random() returns a value in [0, 1).
    Decision decide(int attempt, const Error &error, const std::function<double()> &random) const;
    Decision decide(int attempt, const Error &error) const;   // with a system random source

    const Config &config() const { return m_config; }

private:
    Config m_config;
};

} // namespace hearth
