#!/usr/bin/env node
// `pnpm check:manifests`: every Kubernetes manifest under infra/k8s validated offline against the
// Kubernetes API's JSON schemas (kubernetes-models ships them, generated from the OpenAPI spec),
// plus the rules this deployment relies on: probes on the health endpoints, resource requests,
// non-root pods, config and secrets by reference only.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Job } from "kubernetes-models/batch/v1";
import { ConfigMap, Secret, Service } from "kubernetes-models/v1";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";

const models = {
  "apps/v1/Deployment": Deployment,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "batch/v1/Job": Job,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "networking.k8s.io/v1/Ingress": Ingress,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};

const dir = process.argv[2] ?? path.resolve(import.meta.dirname, "..", "infra", "k8s");
const problems = [];
const seen = [];
for (const file of readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()) {
  for (const doc of parseAllDocuments(readFileSync(path.join(dir, file), "utf8"))) {
    if (doc.errors.length) {
      problems.push(`${file}: YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const manifest = doc.toJS();
    if (!manifest) continue;
    const id = `${manifest.apiVersion}/${manifest.kind}`;
    const where = `${file}: ${manifest.kind} ${manifest.metadata?.name ?? "(no name)"}`;
    const Model = models[id];
    if (!Model) {
      problems.push(`${where}: no schema for ${id}`);
      continue;
    }
    try {
      new Model(manifest).validate();
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
      continue;
    }
    seen.push(id);
    problems.push(...rules(manifest).map((p) => `${where}: ${p}`));
  }
}

for (const kind of [
  "apps/v1/Deployment",
  "v1/Service",
  "networking.k8s.io/v1/Ingress",
  "batch/v1/Job",
  "autoscaling/v2/HorizontalPodAutoscaler",
  "policy/v1/PodDisruptionBudget",
  "v1/ConfigMap",
]) {
  if (!seen.includes(kind)) problems.push(`missing a ${kind}`);
}

/** What the schema cannot say: the deployment's own rules. */
function rules(manifest) {
  const out = [];
  const pod = manifest.kind === "Deployment" || manifest.kind === "Job" ? manifest.spec.template.spec : null;
  if (!pod) return out;
  if (!pod.securityContext?.runAsNonRoot) out.push("pod must set securityContext.runAsNonRoot");
  for (const c of pod.containers) {
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory)
      out.push(`container ${c.name} needs cpu and memory requests`);
    if ((c.env ?? []).some((e) => e.value !== undefined && /SECRET|PASSWORD|TOKEN|DATABASE_URL/.test(e.name)))
      out.push(`container ${c.name} has a secret inline`);
    if (!(c.envFrom ?? []).some((e) => e.secretRef) || !(c.envFrom ?? []).some((e) => e.configMapRef))
      out.push(`container ${c.name} must take its settings from the ConfigMap and Secret`);
    if (manifest.kind === "Deployment" && c.ports?.length) {
      if (c.readinessProbe?.httpGet?.path !== "/api/health/ready")
        out.push(`container ${c.name} readiness must probe /api/health/ready`);
      if (c.livenessProbe?.httpGet?.path !== "/api/health/live")
        out.push(`container ${c.name} liveness must probe /api/health/live`);
    }
  }
  return out;
}

if (problems.length) {
  console.error(
    `Kubernetes manifests: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}`,
  );
  process.exit(1);
}
console.log(`Kubernetes manifests: ${seen.length} objects valid (${[...new Set(seen)].join(", ")})`);
