import type { RecorderWords } from './words.js';

export const pt: RecorderWords = {
  regionLabel: (title) => `Grave sua resposta: ${title}`,
  loading: 'Carregando a chamada…',
  asking: (kind) =>
    kind === 'video' ? 'Permita a câmera e o microfone no aviso do navegador…' : 'Permita o microfone no aviso do navegador…',
  promptLabel: 'A chamada pede',
  allow: (kind) => (kind === 'video' ? 'Ligar a câmera e o microfone' : 'Ligar o microfone'),
  allowHint: 'Seu navegador pergunta antes. Nada é gravado até você tocar em Gravar.',
  microphone: 'Microfone',
  camera: 'Câmera',
  unnamedDevice: (kind, n) => (kind === 'video' ? `Câmera ${n}` : `Microfone ${n}`),
  level: 'Nível do microfone',
  preview: 'Prévia da câmera',
  record: (kind) => (kind === 'video' ? 'Gravar vídeo' : 'Gravar áudio'),
  countdown: (seconds) => `Gravando em ${seconds}…`,
  cancel: 'Cancelar',
  state: { recording: 'Gravando', paused: 'Pausado', stopped: 'Gravação parada' },
  pause: 'Pausar',
  resume: 'Continuar',
  stop: 'Parar',
  elapsed: (elapsed, limit) => (limit ? `${elapsed} de ${limit}` : elapsed),
  limitReached: 'O tempo acabou: a gravação parou.',
  sentWhileRecording: (size) => `${size} já enviados enquanto você grava`,
  sending: (percent) => `Enviando sua gravação: ${percent}`,
  sent: 'Sua gravação já está no servidor.',
  waitingForNetwork: 'Sem conexão: a gravação fica guardada aqui e será enviada quando a conexão voltar.',
  takeLabel: 'Sua gravação',
  recordAgain: 'Gravar de novo',
  useTake: 'Usar esta gravação',
  errors: {
    denied:
      'O navegador não tem permissão para usar o microfone ou a câmera. Permita pelo ícone ao lado da barra de endereço (configurações do site) e tente de novo.',
    noDevice: (kind) =>
      kind === 'video' ? 'Nenhuma câmera encontrada neste aparelho.' : 'Nenhum microfone encontrado neste aparelho.',
    inUse: 'Outro aplicativo ou aba está usando o microfone ou a câmera. Feche-o e tente de novo.',
    insecure: 'Só é possível gravar numa página segura (https).',
    unsupported: 'Este navegador não consegue gravar aqui.',
    failed: 'A gravação parou de forma inesperada.',
    fallback: 'Você pode gravar com outro aplicativo e escolher o arquivo.',
    tryAgain: 'Tentar de novo',
  },
};
