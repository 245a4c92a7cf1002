import { METHODS, type ResourceInput } from './model';

/**
 * The resources of a project as editable rows: path, methods, and whether child paths match
 * and the base path is forwarded. Messages the API gives for `resources.<i>.…` show in the row.
 */
export function ResourceRows({
  resources,
  onChange,
  onRestructure,
  field,
  contextPath,
}: {
  resources: readonly ResourceInput[];
  onChange: (resources: ResourceInput[]) => void;
  /** Called when a row is added or removed: the messages name rows by index, so they no longer apply (clear them). */
  onRestructure: () => void;
  field: (path: string) => string | undefined;
  contextPath: string;
}) {
  const update = (index: number, values: Partial<ResourceInput>) =>
    onChange(resources.map((resource, at) => (at === index ? { ...resource, ...values } : resource)));
  const restructure = (next: ResourceInput[]) => {
    onRestructure();
    onChange(next);
  };
  const messages = (index: number) =>
    ['', '.id', '.path', '.methods', '.acceptChildPaths', '.forwardBasePath', ...METHODS.map((_, at) => `.methods.${at}`)]
      .map((suffix) => field(`resources.${index}${suffix}`))
      .filter((message) => message !== undefined);
  return (
    <div className="resource-editor">
      {resources.length === 0 ? (
        <div className="empty">
          No resources: every path under {contextPath === '' ? 'the context path' : contextPath} is forwarded, whatever the method. Add one
          to accept only the paths and methods you list.
        </div>
      ) : (
        <table className="editor">
          <thead>
            <tr>
              <th>Path</th>
              <th>Methods</th>
              <th>Options</th>
              <th>
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {resources.map((resource, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row keeps no state of its own; new rows have no id before they are saved.
              <tr key={index} aria-label={`Resource ${index + 1}`} className={messages(index).length > 0 ? 'invalid' : ''}>
                <td>
                  <input
                    aria-label={`Path of resource ${index + 1}`}
                    name={`resources.${index}.path`}
                    placeholder="/pets/{petId}"
                    value={resource.path}
                    onChange={(event) => update(index, { path: event.target.value })}
                  />
                  {messages(index).map((message) => (
                    <span key={message} className="field-error" role="alert">
                      {message}
                    </span>
                  ))}
                </td>
                <td>
                  {METHODS.map((method) => (
                    <label key={method} className="inline">
                      <input
                        type="checkbox"
                        checked={resource.methods.includes(method)}
                        onChange={(event) =>
                          update(index, {
                            methods: METHODS.filter((other) =>
                              other === method ? event.target.checked : resource.methods.includes(other),
                            ),
                          })
                        }
                      />
                      {method}
                    </label>
                  ))}
                </td>
                <td>
                  <label className="inline" title="Also match every path below this one">
                    <input
                      type="checkbox"
                      checked={resource.acceptChildPaths ?? false}
                      onChange={(event) => update(index, { acceptChildPaths: event.target.checked })}
                    />
                    Child paths
                  </label>
                  <label className="inline" title="Append the path after the context path to the target URL">
                    <input
                      type="checkbox"
                      checked={resource.forwardBasePath ?? true}
                      onChange={(event) => update(index, { forwardBasePath: event.target.checked })}
                    />
                    Forward path
                  </label>
                </td>
                <td>
                  <button type="button" className="secondary" onClick={() => restructure(resources.filter((_, at) => at !== index))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="secondary" onClick={() => restructure([...resources, { path: '/', methods: ['GET'] }])}>
        Add resource
      </button>
    </div>
  );
}
