#include "net/RetryPolicy.h"

#include <catch2/catch.hpp>

using namespace hearth;

namespace {

Error http(int status, int retryAfter = -1)
{
    return Error::http(status, QStringLiteral("HTTP"), {}, retryAfter);
}

const auto midpoint = [] { return 0.5; };   // jitter contributes nothing at 0.5

} // namespace

TEST_CASE("RetryPolicy: transient failures back off exponentially up to a cap, then give up")
{
    RetryPolicy policy;
    const Error offline = Error::make(Error::Kind::Network, QStringLiteral("down"));
    CHECK(policy.decide(1, offline, midpoint).delayMs == 500);
    CHECK(policy.decide(2, offline, midpoint).delayMs == 1000);
    CHECK(policy.decide(3, offline, midpoint).delayMs == 2000);
    CHECK(policy.decide(4, offline, midpoint).retry);
    CHECK_FALSE(policy.decide(5, offline, midpoint).retry);

    RetryPolicy::Config config;
    config.maxAttempts = 20;
    RetryPolicy patient(config);
    CHECK(patient.decide(15, offline, midpoint).delayMs == config.maxDelayMs);
}

TEST_CASE("RetryPolicy: jitter stays within its band")
{
    RetryPolicy policy;
    const Error timeout = Error::make(Error::Kind::Timeout, QStringLiteral("slow"));
    CHECK(policy.decide(3, timeout, [] { return 0.0; }).delayMs == 1500);   // 2000 - 25%
    CHECK(policy.decide(3, timeout, [] { return 0.999999; }).delayMs == 2500);   // 2000 + 25%
}

TEST_CASE("RetryPolicy: 429 and 503 honour Retry-After; too long a wait gives up")
{
    RetryPolicy policy;
    CHECK(policy.decide(1, http(429, 7), [] { return 0.0; }).delayMs == 7000);
    CHECK(policy.decide(1, http(503, 2), midpoint).delayMs >= 2000);
    CHECK(policy.decide(1, http(503), midpoint).delayMs == 500);   // no header: backoff
    CHECK_FALSE(policy.decide(1, http(429, 3600), midpoint).retry);
}

TEST_CASE("RetryPolicy: the table says which errors are never retried")
{
    RetryPolicy policy;
    for (int status : {500, 502, 504})
        CHECK(policy.decide(1, http(status), midpoint).retry);
    for (int status : {400, 401, 403, 404, 410, 422})
        CHECK_FALSE(policy.decide(1, http(status), midpoint).retry);
    for (auto kind : {Error::Kind::Auth, Error::Kind::Security, Error::Kind::Storage, Error::Kind::Config,
                      Error::Kind::Cancelled, Error::Kind::KeyStore})
        CHECK_FALSE(policy.decide(1, Error::make(kind, QStringLiteral("x")), midpoint).retry);
    const Error garbled = Error::make(Error::Kind::Parse, QStringLiteral("cut off"));
    CHECK(policy.decide(1, garbled, midpoint).retry);
    CHECK_FALSE(policy.decide(2, garbled, midpoint).retry);
}
