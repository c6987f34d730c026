import { MAX_API_VERSION } from '@berth/engine';
import { dockerFunctions, tabwriter } from '@berth/template';
import type { CommandModule } from '../command';
import { EXIT_BAD_FORMAT, formatTemplate, INSPECT_FORMAT_FLAG } from '../output/format-template';
import { ansicTime } from '../output/relative-time';
import { BERTH_VERSION } from '../version-info';

// docker's layout with the client part about berth: its version, the Node.js that runs it, OS/Arch, the context
const DEFAULT_TEMPLATE = `{{with .Client -}}
Client:
 Version:\t{{.Version}}
 API version:\t{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
 Node version:\t{{.NodeVersion}}
 OS/Arch:\t{{.Os}}/{{.Arch}}
 Context:\t{{.Context}}
{{- end}}

{{- if ne .Server nil}}{{with .Server}}

Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
 {{- range $component := .Components}}
 {{$component.Name}}:
  {{- if eq $component.Name "Engine" }}
  Version:\t{{.Version}}
  API version:\t{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:\t{{index .Details "GoVersion"}}
  Git commit:\t{{index .Details "GitCommit"}}
  Built:\t{{index .Details "BuildTime"}}
  OS/Arch:\t{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:\t{{index .Details "Experimental"}}
  {{- else }}
  Version:\t{{$component.Version}}
  {{- $detailsOrder := getDetailsOrder $component}}
  {{- range $key := $detailsOrder}}
  {{$key}}:\t{{index $component.Details $key}}
   {{- end}}
  {{- end}}
 {{- end}}
 {{- end}}{{- end}}`;

interface Component {
  Name: string;
  Version: string;
  Details?: Record<string, string>;
}

const functions = {
  ...dockerFunctions,
  getDetailsOrder: (component: Component) => Object.keys(component.Details ?? {}).sort(),
};

const NODE_ARCH: Readonly<Record<string, string>> = { x64: 'amd64', ia32: '386', arm: 'arm', arm64: 'arm64' };

/** RFC 3339 build times as Go's ANSIC (`Thu May  7 21:09:36 2026`), as docker shows them; others as they are. */
function reformatDate(text: string): string {
  return /^\d{4}-\d\d-\d\dT/.test(text) && !Number.isNaN(Date.parse(text)) ? ansicTime(text) : text;
}

/** `value` for templates, `json` for `{{json}}`: the template's encoder prefers a value's toJSON. */
function withJson<T extends object>(value: T, json: unknown): T {
  return Object.defineProperty(value, 'toJSON', { value: () => json, enumerable: false });
}

/** `berth version`: berth's own version and the engine's components, in docker's layout or a --format template. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [INSPECT_FORMAT_FLAG],
  args: { kind: 'none' },
  async run(context) {
    const format = context.string(INSPECT_FORMAT_FLAG) ?? '';
    const template = formatTemplate(context.io, format, {
      refusal: 'template parsing error',
      fallback: DEFAULT_TEMPLATE,
      name: 'version',
      functions,
    });
    if (template === EXIT_BAD_FORMAT || template === undefined) return EXIT_BAD_FORMAT;
    const engine = context.engine();
    const client = {
      Platform: null,
      Version: BERTH_VERSION,
      APIVersion: '',
      DefaultAPIVersion: MAX_API_VERSION,
      NodeVersion: process.version,
      Os: process.platform,
      Arch: NODE_ARCH[process.arch] ?? process.arch,
      Context: engine.endpoint.context,
    };
    let server: Record<string, unknown> | null = null;
    let failure: unknown;
    try {
      const version = (await engine.version()) as unknown as Record<string, unknown> & { Components?: Component[] };
      client.APIVersion = await engine.apiVersion();
      const components = (version.Components ?? []).map((component) =>
        component.Name === 'Engine' && component.Details?.BuildTime !== undefined
          ? { ...component, Details: { ...component.Details, BuildTime: reformatDate(component.Details.BuildTime) } }
          : component,
      );
      // templates name Go's fields (APIVersion), JSON its tags (ApiVersion)
      server = {
        ...version,
        Components: components,
        APIVersion: version.ApiVersion,
        Platform: version.Platform ?? { Name: '' },
      };
      server = withJson(server, { ...version, Components: components });
    } catch (error) {
      failure = error;
    }
    // JSON in docker's key order and names, the Go-only Platform left out as omitempty leaves it
    const clientJson = {
      Version: client.Version,
      ApiVersion: client.APIVersion,
      DefaultAPIVersion: client.DefaultAPIVersion,
      NodeVersion: client.NodeVersion,
      Os: client.Os,
      Arch: client.Arch,
      Context: client.Context,
    };
    const data = {
      Client: withJson(client, clientJson),
      Server: server,
    };
    const text = template.execute(data);
    context.io.stdout.write(tabwriter(`${text}\n`, { minwidth: 20, tabwidth: 1, padding: 1, padchar: ' ' }));
    if (failure !== undefined) throw failure;
    return 0;
  },
};
