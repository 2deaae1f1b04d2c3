#pragma once

#include <QLoggingCategory>

// One category per subsystem. Never log bodies, tokens, names or patient identifiers; the redaction
// handler (common/Redaction.h) masks what slips through, and tests/security checks a full run's logs.
Q_DECLARE_LOGGING_CATEGORY(lcNet)       // hearth.net: ApiClient, retries, TLS
Q_DECLARE_LOGGING_CATEGORY(lcSync)      // hearth.sync: SyncEngine, Session, Outbox, Profile
Q_DECLARE_LOGGING_CATEGORY(lcStore)     // hearth.store: SQLCipher databases, keystore
Q_DECLARE_LOGGING_CATEGORY(lcAuth)      // hearth.auth: discovery, sign-in, tokens, id_token
Q_DECLARE_LOGGING_CATEGORY(lcApp)       // hearth.app: composition root, view-models
Q_DECLARE_LOGGING_CATEGORY(lcFhir)      // hearth.fhir: bundle reading, indexing
Q_DECLARE_LOGGING_CATEGORY(lcDomain)    // hearth.domain: repositories
Q_DECLARE_LOGGING_CATEGORY(lcPlatform)  // hearth.platform: browser launch, process hardening
