{{/* Chart name, overridable. */}}
{{- define "ccp.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Prefix of every object's name: "<release>-compute-clearing", or the release name if it holds the chart name. */}}
{{- define "ccp.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "ccp.name" . -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Labels every object carries. */}}
{{- define "ccp.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/part-of: {{ include "ccp.name" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Labels of the release's shared objects (ServiceAccount, Kafka Secret, Ingress). */}}
{{- define "ccp.labels" -}}
{{ include "ccp.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/*
The enabled services as JSON, keyed by name ("account", ...), each one's values merged over .Values.defaults (a
service's maps merge into the defaults key by key; its lists and scalars replace them). Every per-service template
ranges over `include "ccp.services" . | fromJson` and builds the context the helpers below take:
dict "root" $ "key" <name> "svc" <merged values>.
*/}}
{{- define "ccp.services" -}}
{{- $services := dict -}}
{{- range $key, $svc := .Values.services -}}
{{- if $svc.enabled -}}
{{- $merged := mergeOverwrite (deepCopy $.Values.defaults) (deepCopy $svc) -}}
{{- /* mergeOverwrite never lets a false replace a true: copy the service's own switches over. */ -}}
{{- range $block := list "autoscaling" "podDisruptionBudget" -}}
{{- if and (hasKey $svc $block) (hasKey (index $svc $block) "enabled") -}}
{{- $_ := set (index $merged $block) "enabled" (index $svc $block "enabled") -}}
{{- end -}}
{{- end -}}
{{- $_ := set $services $key $merged -}}
{{- end -}}
{{- end -}}
{{- toJson $services -}}
{{- end -}}

{{/* Name of a service's objects: "<fullname>-<key>", e.g. "ccp-compute-clearing-account". */}}
{{- define "ccp.serviceName" -}}
{{- printf "%s-%s" (include "ccp.fullname" .root) .key | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of a service's pods. */}}
{{- define "ccp.selectorLabels" -}}
app.kubernetes.io/name: {{ .svc.image }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* All labels of a service's objects. */}}
{{- define "ccp.serviceLabels" -}}
{{ include "ccp.commonLabels" .root }}
{{ include "ccp.selectorLabels" . }}
app.kubernetes.io/component: {{ .key }}
{{- end -}}

{{/* The service's image reference. */}}
{{- define "ccp.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .svc.image (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/* The ServiceAccount the pods run as. */}}
{{- define "ccp.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "ccp.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Secret with the database credentials: the existing one, or the chart's. */}}
{{- define "ccp.databaseSecret" -}}
{{- default (include "ccp.serviceName" .) .svc.database.existingSecret -}}
{{- end -}}

{{/* The Secret with the OIDC client secret: the existing one, or the chart's. */}}
{{- define "ccp.oidcSecret" -}}
{{- default (include "ccp.serviceName" .) .svc.oidc.existingSecret -}}
{{- end -}}

{{/* Whether the service's OIDC client secret is set at all (from an existing Secret or from values). */}}
{{- define "ccp.hasOidcSecret" -}}
{{- if or .svc.oidc.existingSecret .svc.oidc.clientSecret -}}true{{- end -}}
{{- end -}}

{{/* Whether Kafka is reached with SASL. */}}
{{- define "ccp.kafkaSasl" -}}
{{- if hasPrefix "SASL_" .Values.kafka.securityProtocol -}}true{{- end -}}
{{- end -}}

{{/* The Secret with the Kafka SASL credentials: the existing one, or the chart's. */}}
{{- define "ccp.kafkaSecret" -}}
{{- default (printf "%s-kafka" (include "ccp.fullname" .)) .Values.kafka.sasl.existingSecret -}}
{{- end -}}

{{/* JAAS login module for the SASL mechanism. */}}
{{- define "ccp.kafkaLoginModule" -}}
{{- if eq .Values.kafka.sasl.mechanism "PLAIN" -}}
org.apache.kafka.common.security.plain.PlainLoginModule
{{- else -}}
org.apache.kafka.common.security.scram.ScramLoginModule
{{- end -}}
{{- end -}}

{{/*
Environment of the service container and of the migration init container: the ConfigMap, then the credentials
from Secrets. KAFKA_SASL_JAAS_CONFIG refers to the two variables before it ($(VAR) is expanded by the kubelet); they
are named CCP_* because Quarkus hands every KAFKA_* variable to the Kafka clients as a client property.
*/}}
{{- define "ccp.credentialsEnv" -}}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "ccp.databaseSecret" . }}
      key: {{ .svc.database.usernameKey }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "ccp.databaseSecret" . }}
      key: {{ .svc.database.passwordKey }}
{{- if include "ccp.hasOidcSecret" . }}
- name: QUARKUS_OIDC_CREDENTIALS_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "ccp.oidcSecret" . }}
      key: {{ .svc.oidc.clientSecretKey }}
{{- end }}
{{- if include "ccp.kafkaSasl" .root }}
- name: CCP_KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "ccp.kafkaSecret" .root }}
      key: {{ .root.Values.kafka.sasl.usernameKey }}
- name: CCP_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "ccp.kafkaSecret" .root }}
      key: {{ .root.Values.kafka.sasl.passwordKey }}
- name: KAFKA_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"$(CCP_KAFKA_SASL_USERNAME)\" password=\"$(CCP_KAFKA_SASL_PASSWORD)\";" (include "ccp.kafkaLoginModule" .root) | quote }}
{{- end }}
{{- end -}}
