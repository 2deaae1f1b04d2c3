#include "RetryPolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace hearth {
namespace {

enum class Rule { GiveUp, Backoff, RetryAfterOrBackoff, OnceMore };

Rule ruleFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Network:
    case Error::Kind::Timeout:
        return Rule::Backoff;
    case Error::Kind::Parse:
        return Rule::OnceMore;
    case Error::Kind::Http:
        switch (error.httpStatus) {
        case 429:
        case 503:
            return Rule::RetryAfterOrBackoff;
        case 500:
        case 502:
        case 504:
            return Rule::Backoff;
        default:
            return Rule::GiveUp;
        }
    default:
        return Rule::GiveUp;
    }
}

} // namespace

RetryPolicy::Decision RetryPolicy::decide(int attempt, const Error &error, const std::function<double()> &random) const
{
    const Rule rule = ruleFor(error);
    if (rule == Rule::GiveUp || attempt >= m_config.maxAttempts)
        return {};
    if (rule == Rule::OnceMore && attempt >= m_config.maxParseAttempts)
        return {};
    if (rule == Rule::RetryAfterOrBackoff && error.retryAfterSeconds >= 0) {
        if (error.retryAfterSeconds > m_config.maxRetryAfterSeconds)
            return {};
        // The server said when: no jitter below it, a little above so a crowd does not return at once.
        const int delay = error.retryAfterSeconds * 1000;
        return {true, delay + int(std::lround(random() * m_config.baseDelayMs * m_config.jitter))};
    }
    const double exponential = m_config.baseDelayMs * std::pow(2.0, std::max(0, attempt - 1));
    const double capped = std::min<double>(m_config.maxDelayMs, exponential);
    const double jittered = capped * (1.0 + m_config.jitter * (2.0 * random() - 1.0));
    return {true, std::max(0, int(std::lround(jittered)))};
}

RetryPolicy::Decision RetryPolicy::decide(int attempt, const Error &error) const
{
    return decide(attempt, error, [] { return QRandomGenerator::global()->generateDouble(); });
}

} // namespace hearth
