#pragma once

#include <QString>

namespace hearth {

// An error as a value. `message` is for developers and support logs: it never carries
// health data, names, identifiers or tokens. Wording shown to patients is made in app/.
struct Error {
    enum class Kind {
        None,
        Network,      // no connection, DNS, TLS, connection reset
        Timeout,
        Http,         // a non-2xx reply; see httpStatus and outcome
        Auth,         // sign-in failed, token rejected, refresh failed: the user must sign in again
        Parse,        // the server sent something that is not the FHIR/JSON we expect
        Storage,      // the encrypted store could not be opened, read or written
        KeyStore,     // the OS keystore is unreachable or refused
        NotFound,     // a local lookup found nothing (not an HTTP 404: that is Http)
        Security,     // a check that protects the patient failed (state, nonce, signature, ...)
        Config,       // bad arguments or configuration
        Cancelled,
    };

    Kind kind = Kind::None;
    QString message;
    int httpStatus = 0;
    QString outcome;          // OperationOutcome diagnostics/code, if the server sent one
    int retryAfterSeconds = -1;
    QString serverText;       // the OperationOutcome's words for people (operationOutcomeText):
                              // may be shown to the patient; never logged (describe() leaves it out)

    static Error make(Kind k, QString msg) { return Error{k, std::move(msg), 0, {}, -1, {}}; }
    static Error http(int status, QString msg, QString outcome = {}, int retryAfter = -1)
    {
        return Error{Kind::Http, std::move(msg), status, std::move(outcome), retryAfter, {}};
    }

    QString kindName() const;
    // "kind: message (HTTP n)" — safe for logs.
    QString describe() const;
};

} // namespace hearth
