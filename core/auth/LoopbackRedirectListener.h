#pragma once

#include "common/Result.h"

#include <QObject>
#include <QUrl>
#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace hearth {

// Single-shot loopback redirect receiver for native apps (RFC 8252 §7.3). Listens on 127.0.0.1 only
// (never 0.0.0.0) on a port the OS picks, answers exactly one GET /callback?... with a short calm page,
// then stops listening. Other paths get 404 and it keeps waiting. Deleting it cancels without calling
// the completion.
class LoopbackRedirectListener : public QObject {
    Q_OBJECT
public:
    explicit LoopbackRedirectListener(QObject *parent = nullptr);
    ~LoopbackRedirectListener() override;

    Status listen();                 // picks a port
    QUrl redirectUri() const;        // http://127.0.0.1:<port>/callback (empty before listen())
    bool isListening() const;

    // `done` gets the full callback URL (redirectUri() plus the query), or a Timeout error after
    // `timeoutMs`. Called exactly once, later.
    void waitForRedirect(int timeoutMs, std::function<void(Result<QUrl>)> done);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void finish(Result<QUrl> result);

    QTcpServer *m_server;
    QTimer *m_timer;
    std::function<void(Result<QUrl>)> m_done;
    std::optional<Result<QUrl>> m_early;   // a redirect that arrived before waitForRedirect()
    bool m_finished = false;
};

} // namespace hearth
