// InfoStoryBot on Azure: the Web App that serves /api/messages, the Azure Bot registration with its
// Teams channel, Blob Storage for stories and state, and the identity that ties them together.
//
// Identity: a user-assigned managed identity (UAMI) is always created; the Web App uses it for Blob
// Storage. With appType 'UserAssignedMSI' (the default) it is also the bot's identity, so there is no
// secret anywhere. With 'SingleTenant' the bot uses an Entra app registration you create beforehand
// (Bicep cannot create one); its client secret comes from Key Vault, read by the same UAMI.
//
// Deploy:  az deployment group create -g <resource group> -f deploy/azure/main.bicep -p @deploy/azure/main.parameters.json

targetScope = 'resourceGroup'

@description('Short lower-case name used to derive every resource name (3-16 letters or digits).')
@minLength(3)
@maxLength(16)
param baseName string = 'infostorybot'

@description('Region for the Web App, plan, storage and identity. The Azure Bot itself is always global.')
param location string = resourceGroup().location

@description('How the bot authenticates to the Bot Connector. UserAssignedMSI needs no secret; SingleTenant uses an app registration.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string = 'UserAssignedMSI'

@description('SingleTenant only: the application (client) id of the bot\'s Entra app registration.')
param singleTenantAppId string = ''

@description('SingleTenant only: the Key Vault secret URI holding the app registration\'s client secret, e.g. https://<vault>.vault.azure.net/secrets/bot-secret. Grant the managed identity "Key Vault Secrets User" on it.')
param singleTenantSecretUri string = ''

@description('App Service plan SKU (Linux). B1 or above keeps the app always on, which the nudge scheduler needs.')
param appServicePlanSku string = 'B1'

@description('Azure Bot pricing tier. F0 is free (standard channels such as Teams are free on both).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name of the blob container that holds everything the bot stores.')
param storageContainer string = 'infostorybot'

@description('More app settings for the Web App, as name/value pairs, e.g. the admin bootstrap list ("Access__BootstrapAdmins__0": "<object id>").')
param extraAppSettings object = {}

@description('Tags applied to every resource.')
param tags object = {
  app: 'InfoStoryBot'
}

var isManagedIdentity = appType == 'UserAssignedMSI'
var suffix = uniqueString(resourceGroup().id, baseName)
// Storage account names: 3-24 lower-case letters and digits, globally unique.
var storageAccountName = take(toLower('${replace(baseName, '-', '')}${suffix}'), 24)
var webAppName = '${baseName}-${suffix}'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-identity'
  location: location
  tags: tags
}

var botAppId = isManagedIdentity ? identity.properties.clientId : singleTenantAppId

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Only Entra identities (the UAMI) reach the data: no account keys, no SAS signed with them.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Withdrawn stories must really go: no soft-deleted copies kept behind.
    deleteRetentionPolicy: {
      enabled: false
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: storageContainer
  properties: {
    publicAccess: 'None'
  }
}

resource blobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${baseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
  }
  properties: {
    reserved: true
  }
}

var baseAppSettings = [
  {
    name: 'ASPNETCORE_ENVIRONMENT'
    value: 'Production'
  }
  {
    name: 'MicrosoftAppType'
    value: appType
  }
  {
    name: 'MicrosoftAppId'
    value: botAppId
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenant().tenantId
  }
  {
    name: 'Storage__AccountUrl'
    value: storage.properties.primaryEndpoints.blob
  }
  {
    name: 'Storage__Container'
    value: storageContainer
  }
  {
    // DefaultAzureCredential / ManagedIdentityCredential pick the user-assigned identity from this.
    name: 'AZURE_CLIENT_ID'
    value: identity.properties.clientId
  }
  {
    // Where Teams clients fetch report charts from (the bot serves them at /reports/charts/{id}.png).
    name: 'Reports__PublicBaseUrl'
    value: 'https://${webAppName}.azurewebsites.net'
  }
]

var secretAppSettings = !isManagedIdentity && !empty(singleTenantSecretUri)
  ? [
      {
        name: 'MicrosoftAppPassword'
        value: '@Microsoft.KeyVault(SecretUri=${singleTenantSecretUri})'
      }
    ]
  : []

var extraSettings = map(items(extraAppSettings), setting => {
  name: setting.key
  value: string(setting.value)
})

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (the SingleTenant secret) are resolved with the user-assigned identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(baseAppSettings, secretAppSettings, extraSettings)
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${baseName}-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'InfoStoryBot'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: appType
    msaAppId: botAppId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: isManagedIdentity ? identity.id : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('The Microsoft App ID to give deploy/teams/package.sh (--bot-app-id).')
output botAppId string = botAppId

@description('The Web App to deploy the published bot to.')
output webAppName string = webApp.name

output messagingEndpoint string = bot.properties.endpoint

output storageBlobEndpoint string = storage.properties.primaryEndpoints.blob

output managedIdentityClientId string = identity.properties.clientId

output managedIdentityPrincipalId string = identity.properties.principalId
