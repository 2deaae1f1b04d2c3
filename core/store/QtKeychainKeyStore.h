#pragma once

#include "KeyStore.h"

namespace hearth {

// KeyStore over qtkeychain (Secret Service / Keychain / Credential Manager / Android Keystore).
// Each call runs one qtkeychain job to completion in a local event loop (timeout 20 s).
// Never falls back to plaintext: setInsecureFallback(false) on every job.
class QtKeychainKeyStore : public KeyStore {
public:
    explicit QtKeychainKeyStore(QString service = QStringLiteral("uk.nhs.hearth"));
    // Quick reachability probe (e.g. a read of a probe entry); KeyStore error if no keystore is reachable.
    Status probe();

    Result<QByteArray> read(const QString &name) override;
    Status write(const QString &name, const QByteArray &secret) override;
    Status remove(const QString &name) override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QString m_service;
    int m_timeoutMs = 20000;
};

} // namespace hearth
