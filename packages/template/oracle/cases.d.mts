export declare const cases: { template: string; data: unknown; functions: 'none' | 'docker' | 'docker-format' }[];
