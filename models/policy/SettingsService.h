#pragma once

#include "policy/PlatformSettings.h"
#include "policy/Policy.h"
#include "storage/Database.h"

#include <QCoreApplication>

// Reading and changing the platform settings (platform admins only; every
// change is audited).
class SettingsService
{
    Q_DECLARE_TR_FUNCTIONS(SettingsService)

public:
    explicit SettingsService(Database &db);

    Result<PlatformSettings> settings() const;
    Result<PlatformSettings> set(Id actor, const QString &key, const QString &value);

private:
    Database &m_db;
    Policy m_policy;
};
